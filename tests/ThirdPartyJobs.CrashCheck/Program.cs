using ThirdPartyJobs.CrashCheck;

// The parent runs the emulator and kills; the child (same executable, "--child …") is the worker.
return args.Length > 0 && args[0] == ChildWorker.Flag
    ? await ChildWorker.RunAsync(args[1..])
    : await CrashRun.RunAsync(args);
