"""The window itself: the shell, the store's life, the menus, sign-in, the idle lock, one instance per store."""
