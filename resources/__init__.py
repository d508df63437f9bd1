"""Icons, label colours and style sheets, shipped as package data."""
