#!/usr/bin/python3
"""canon_plan.py FILE.xml - plan XML in one canonical text form for
comparing two plans: @source dropped (it names the file read), elements
indented two spaces, attributes in document order.  The named step the
round-trip test compares through (never diff -w)."""
import sys
import xml.etree.ElementTree as ET

tree = ET.parse(sys.argv[1])
root = tree.getroot()
root.attrib.pop("source", None)
ET.indent(tree)
sys.stdout.write(ET.tostring(root, encoding="unicode") + "\n")
