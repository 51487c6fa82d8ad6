"""SQL expressions shared by several services (assessment rates and their drill-downs)."""
