using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using ThirdPartyJobs.Hosting.Tests.Infrastructure;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

/// <summary>Issue 11 item 7: the options' client tokens never serialize or print.</summary>
public sealed class OptionsSecretsTests
{
    [Test]
    public void Client_tokens_never_serialize_or_print()
    {
        var options = new ThirdPartyJobWorkerOptions { ActionTypeId = WorkerHarness.ActionType };
        options.ClientTokens["client-1"] = Canary.ClientToken;

        var texts = new Dictionary<string, string>
        {
            ["System.Text.Json"] = System.Text.Json.JsonSerializer.Serialize(options),
            ["Newtonsoft.Json"] = Newtonsoft.Json.JsonConvert.SerializeObject(options),
            ["Newtonsoft.Json, TypeNameHandling.All"] = Newtonsoft.Json.JsonConvert.SerializeObject(options, new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All }),
            ["property dump"] = Dump(options),
            ["ToString"] = options.ToString() + " " + options.ClientTokens,
            ["Values"] = string.Join(",", options.ClientTokens.Values),
            ["CopyTo"] = string.Join(",", CopyTo(options.ClientTokens)),
        };

        Assert.Multiple(() =>
        {
            foreach (var (how, text) in texts)
            {
                Assert.That(Canary.FoundIn(text), Is.Empty, how);
            }

            Assert.That(texts["System.Text.Json"], Does.Contain("\"ClientTokens\":{\"client-1\":\"***\"}"), "client ids stay visible");
            Assert.That(texts["property dump"], Does.Contain("client-1=***"));
            Assert.That(options.ClientTokens["client-1"], Is.EqualTo(Canary.ClientToken), "the worker still reads the token by client id");
            Assert.That(options.ClientTokens.TryGetValue("client-1", out var token) ? token : null, Is.EqualTo(Canary.ClientToken));
        });
    }

    [Test]
    public void Client_tokens_bound_from_configuration_reach_the_worker_and_no_dump()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:ClientTokens:client-1"] = Canary.ClientToken,
        }).Build();
        var services = new ServiceCollection();
        services.AddThirdPartyJobWorker<TestHandler>("w", configuration.GetSection("Worker"), options => options.ActionTypeId = WorkerHarness.ActionType);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ThirdPartyJobWorkerOptions>>().Get("w");

        Assert.Multiple(() =>
        {
            Assert.That(options.ClientTokens["client-1"], Is.EqualTo(Canary.ClientToken));
            Assert.That(Canary.FoundIn(System.Text.Json.JsonSerializer.Serialize(options) + Newtonsoft.Json.JsonConvert.SerializeObject(options) + Dump(options)), Is.Empty);
        });
    }

    private static string[] CopyTo(ICollection<KeyValuePair<string, string>> pairs)
    {
        var array = new KeyValuePair<string, string>[pairs.Count];
        pairs.CopyTo(array, 0);
        return array.Select(pair => pair.Value).ToArray();
    }

    // What a structured logger's destructuring ({@Options}) sees: every public property, dictionaries walked.
    private static string Dump(object value)
    {
        var text = new StringBuilder();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyValue = property.GetValue(value);
            text.Append(property.Name).Append(": ");
            if (propertyValue is IEnumerable enumerable and not string)
            {
                foreach (var item in enumerable)
                {
                    text.Append(item is KeyValuePair<string, string> pair ? $"{pair.Key}={pair.Value}" : item?.ToString()).Append(' ');
                }
            }
            else
            {
                text.Append(propertyValue);
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
