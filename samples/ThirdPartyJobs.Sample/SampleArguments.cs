namespace ThirdPartyJobs.Sample;

/// <summary>
/// The sample's command line. Real CodePipeline is used only when asked for here (<c>--job-id</c> with
/// <c>--client-token</c>, or <c>--worker</c>): AWS settings in the environment alone never leave the offline demo.
/// </summary>
internal sealed record SampleArguments(string? JobId, string? ClientToken, bool Worker, bool NoS3, bool Help)
{
    public const string Usage = """
        Usage: dotnet run --project samples/ThirdPartyJobs.Sample [-- <options>]

        With no options the sample runs offline: a local CodePipeline endpoint, demo jobs and the hosted
        job worker (no AWS account needed; AWS_* settings in the environment are not used).

        Options:
          --no-s3                                offline demo without the local S3 server (needs no Node.js)
          --job-id <id> --client-token <token>   fetch one job from real CodePipeline and print it
          --worker                               run the job worker against real CodePipeline until Ctrl+C
          -h, --help                             show this help

        Real mode reads the usual AWS settings: AWS_REGION or AWS__Region, AWS_PROFILE or AWS__Profile,
        AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS__ServiceURL; retries from ThirdPartyJobs__Retry__*.
        --worker also needs Worker__Provider (optional: Worker__Category, Worker__Owner, Worker__Version)
        and Worker__ClientTokens__<clientId>=<clientToken>.

        Exit codes: 0 done; 1 failed (the message says what to set); 2 wrong command line.
        """;

    /// <summary>True when the user asked for real CodePipeline.</summary>
    public bool RealMode => JobId is not null || Worker;

    /// <summary>Parses <paramref name="args"/>; on a mistake returns false with a one-line <paramref name="error"/> that never repeats a value.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SampleArguments parsed, out string? error)
    {
        parsed = new SampleArguments(null, null, Worker: false, NoS3: false, Help: false);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            // "--name=value" and "--name value" both work; only the name is ever echoed (a value may be a token).
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            switch (name)
            {
                case "-h" or "-?" or "--help":
                    parsed = parsed with { Help = true };
                    break;
                case "--no-s3" when inlineValue is null:
                    parsed = parsed with { NoS3 = true };
                    break;
                case "--worker" when inlineValue is null:
                    parsed = parsed with { Worker = true };
                    break;
                case "--job-id" or "--client-token":
                    var value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : null);
                    if (string.IsNullOrEmpty(value))
                    {
                        error = $"{name} needs a value: {name} <{(name == "--job-id" ? "id" : "token")}>.";
                        return false;
                    }

                    parsed = name == "--job-id" ? parsed with { JobId = value } : parsed with { ClientToken = value };
                    break;
                case "--no-s3" or "--worker":
                    error = $"{name} takes no value.";
                    return false;
                default:
                    error = name.StartsWith('-') ? $"Unknown option '{name}'." : $"Unexpected argument #{i + 1} (options start with --).";
                    return false;
            }
        }

        if ((parsed.JobId is null) != (parsed.ClientToken is null))
        {
            error = "--job-id and --client-token go together: pass both to fetch a job.";
            return false;
        }

        if (parsed.Worker && parsed.JobId is not null)
        {
            error = "--worker runs the job worker; --job-id fetches one job: pass one of them.";
            return false;
        }

        return true;
    }
}
