"""Renderers: PDF handout (reportlab), Markdown, and the exercise illustrations."""
