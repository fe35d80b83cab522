from brutonetto.cli import main

main()
