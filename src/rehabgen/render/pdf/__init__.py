"""The PDF handout, built with reportlab's platypus: pages, cards, tables, styles, fonts and pictures."""
