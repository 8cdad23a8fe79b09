"""Files made ready to keep as evidence: pictures decoded with Qt's image readers under a size cap (no Qt widgets,
no store); ``plprofile.services.evidence_files`` keeps what this makes."""
