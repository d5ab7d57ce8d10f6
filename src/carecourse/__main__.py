from carecourse.cli import main

main()
