from teikit.cli import main

main()
