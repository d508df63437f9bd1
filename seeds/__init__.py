"""The article opened when the app starts with no file."""
