namespace ThirdPartyJobs.Sample;

/// <summary>The sample's command line: <c>--job-id ID --client-token TOKEN</c>, and <c>--no-s3</c> to run offline without the local S3 server.</summary>
internal sealed record SampleArguments(string? JobId, string? ClientToken, bool NoS3)
{
    public static SampleArguments Parse(string[] args)
    {
        string? jobId = null, clientToken = null;
        var noS3 = false;
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
                case "--no-s3":
                    noS3 = true;
                    break;
            }
        }

        return new SampleArguments(jobId, clientToken, noS3);
    }
}
