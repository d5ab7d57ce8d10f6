"""Figures generated from course data (SVG), drawn at build time."""
