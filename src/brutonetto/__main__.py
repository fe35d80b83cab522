from brutonetto.cli.commands import main

main()
