"""Rules of the law as pure functions: ID numbers, ages, fees, calendar, names."""
