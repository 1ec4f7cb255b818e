namespace ThirdPartyJobs.Sample;

/// <summary>The sample's command line: <c>--job-id ID --client-token TOKEN</c>.</summary>
internal sealed record SampleArguments(string? JobId, string? ClientToken)
{
    public static SampleArguments Parse(string[] args)
    {
        string? jobId = null, clientToken = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--job-id" when i + 1 < args.Length:
                    jobId = args[++i];
                    break;
                case "--client-token" when i + 1 < args.Length:
                    clientToken = args[++i];
                    break;
            }
        }

        return new SampleArguments(jobId, clientToken);
    }
}
