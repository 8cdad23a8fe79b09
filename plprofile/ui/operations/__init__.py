"""What a person does from the menus: plain functions taking (parent, session, …), one file per area."""
