"""The app's widgets. Feed text reaches them only through ``safe_text``."""
