"""Reading input: paths -> text -> YAML data -> validated fields -> merged profiles (`loader.load`)."""
