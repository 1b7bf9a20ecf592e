"""The data layer: reported rows -> reconciled figures -> week facts (pandas)."""
