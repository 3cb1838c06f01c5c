"""What users call: the `agendas` CLI, trace and highlight, search, export, people, stats,
page inspection and the web viewer (`serve`).

May import every other package. Nothing imports it.
"""
