"""The outputs: records, rows and rekenbladen the engine computed, rendered; the schema.

`formaten` picks the renderer for a format (table, json, jsonl, csv, xlsx, svg, png) and
`inhoud` holds what the commands write; `tabel` prints every table (its columns in
`kolommen`), `render` writes JSON and CSV, `rekenblad`/`uitleg`/`terminal` the working,
`werkboek` the workbook, `grafiek` the charts.

Output stands above the engine and the domain floor and may import both; of input only the
schema imports the model it describes (schema.py). Nothing here imports the command line.
"""
