from writer.entry import main

main()
