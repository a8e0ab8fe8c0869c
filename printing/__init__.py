"""Printed documents: data, reportlab renderers and print sinks."""
