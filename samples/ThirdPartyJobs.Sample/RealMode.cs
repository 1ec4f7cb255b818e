using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// Real CodePipeline, only when the command line asks for it: <c>--job-id</c>/<c>--client-token</c> fetches and
/// prints one job; <c>--worker</c> runs the job worker. Every failure ends as two lines on standard error (what is
/// wrong, what to set) and exit code 1.
/// </summary>
internal static class RealMode
{
    public static async Task<int> RunAsync(SampleArguments arguments, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            // AWS settings from the "AWS" section (AWS__Region, AWS__Profile, AWS__ServiceURL, …), retries from "ThirdPartyJobs".
            builder.Services.AddThirdPartyJobs(builder.Configuration);
            if (arguments.Worker)
            {
                if (OnlineWorker.FindMissingSettings(builder) is var (what, hint))
                {
                    errors.WriteLine(what);
                    errors.WriteLine(hint);
                    return 1;
                }

                return await OnlineWorker.RunAsync(builder, output, cancellationToken);
            }

            // Fetching one job, the sample reports a failure itself (two lines below); Polly's per-attempt entries
            // would only repeat it, with stack traces.
            builder.Logging.AddFilter("Polly", LogLevel.None);
            using var host = builder.Build();
            var client = host.Services.GetRequiredService<IThirdPartyJobClient>();
            var job = await client.GetJobDetailsAsync(arguments.JobId!, arguments.ClientToken!, cancellationToken);
            JobTreePrinter.Print(job, output);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.WriteLine("Cancelled.");
            return 1;
        }
#pragma warning disable CA1031 // A sample's last line of defence: every failure becomes two lines, never a stack trace.
        catch (Exception error)
#pragma warning restore CA1031
        {
            var (what, hint) = RealModeErrors.Describe(error, builder.Configuration);
            errors.WriteLine(what);
            errors.WriteLine(hint);
            return 1;
        }
    }
}
