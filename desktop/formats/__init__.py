"""Files in and out: article readers, session files, exports."""
