"""The outputs: records and rekenbladen rendered as table, JSON, CSV, workbook, chart; the schema.

Output stands above the engine and the domain floor and may import both; of input only the
schema imports the model it describes (schema.py). Nothing here imports the command line.
"""
