"""Chronica: narrative history sources in, a cited and cross-checked knowledge base out."""
__version__ = "0.1.0"
