from plprofile.cli import main

raise SystemExit(main())
