using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.CrashCheck;

/// <summary>
/// The child process: one job worker with default settings against the emulator, handlers that
/// take a few seconds. It stops gracefully when its standard input says "stop" (or closes); the
/// parent otherwise ends it with SIGKILL.
/// </summary>
internal static class ChildWorker
{
    public const string Flag = "--child";
    public const string WorkerName = "crashcheck";

    /// <param name="args">service URL, access key id, secret key, region, provider, client id, client token, journal directory.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var (serviceUrl, accessKey, secretKey, region, provider, clientId, clientToken, journal) = (args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7]);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(Environment.GetEnvironmentVariable("CRASHCHECK_VERBOSE") is null ? LogLevel.Warning : LogLevel.Information)
            .AddFilter("Polly", LogLevel.Warning)
            .AddFilter("ThirdPartyJobs.ThirdPartyJobClient", LogLevel.Warning);
        builder.Services.AddSingleton<IThirdPartyJobClient>(services => ThirdPartyJobClient.Create(
            new AWSOptions
            {
                Credentials = new BasicAWSCredentials(accessKey, secretKey),
                DefaultClientConfig = { ServiceURL = serviceUrl, AuthenticationRegion = region },
            },
            new ThirdPartyJobsOptions(),
            services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddThirdPartyJobWorker<SlowHandler>(WorkerName, options =>
        {
            // Default settings otherwise: the figures are for what a user gets.
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, provider, "1");
            options.ClientTokens[clientId] = clientToken;
            options.JournalDirectory = journal;
        });
        using var host = builder.Build();
        await host.StartAsync();
        Console.Out.WriteLine("started");
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is { } line && line != "stop")
        {
        }

        await host.StopAsync();
        return 0;
    }

    private sealed class SlowHandler : IThirdPartyJobHandler
    {
        public async Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 4000)), cancellationToken);
            return JobOutcome.Succeeded(executionDetails: new ExecutionDetails("Built.", PercentComplete: 100));
        }
    }
}
