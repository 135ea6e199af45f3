"""The words people read for the model's ids: vocabulary labels and each region's routes to help."""
