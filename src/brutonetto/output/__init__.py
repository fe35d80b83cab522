"""The outputs: records and rekenbladen rendered as table, JSON, CSV, workbook, chart; the schema."""
