"""A spreadsheet's rows made a tree document: values read as offices write them, nodes placed."""
