"""The review page: an article with every figure traced to its rows, findings in place, charts.

Only ``writer review`` and ``writer backfill --review`` import this package;
matplotlib is imported by ``writer.review.charts`` alone, when a chart is drawn.
"""
