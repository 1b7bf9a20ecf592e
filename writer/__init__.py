"""Fund-flow article writer: reported figures in, articles that say no more than the data."""

__version__ = "0.1.0"
