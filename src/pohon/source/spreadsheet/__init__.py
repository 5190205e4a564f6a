"""Spreadsheets for `pohon import`: a workbook opened within limits, one sheet as a grid of
true cell names with its merged cells filled, and the layouts told apart by their headers."""
