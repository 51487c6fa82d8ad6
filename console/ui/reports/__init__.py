"""The Reports screen: daily and monthly reports, charts, drill-down, exports."""
