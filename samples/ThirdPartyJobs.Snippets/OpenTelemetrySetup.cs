#region Snippet:OpenTelemetry
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ThirdPartyJobs.Diagnostics;

static class Telemetry
{
    public static void AddThirdPartyJobsTelemetry(HostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("ThirdPartyJobs"))
            .WithMetrics(metrics => metrics.AddMeter("ThirdPartyJobs"));
        // … plus the exporter of your choice (OTLP, console, …)
    }
}
#endregion
