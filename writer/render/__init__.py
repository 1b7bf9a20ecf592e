"""Week facts -> Markdown (Jinja2 section templates) -> HTML (the markdown package)."""
