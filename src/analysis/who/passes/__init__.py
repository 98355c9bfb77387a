"""The reader's passes, one module each; :data:`analysis.who.reader.PASSES` gives their order."""
