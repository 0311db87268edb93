using Microsoft.Extensions.Options;

namespace SweepGrid.Server.Security;

/// <summary>Checks <see cref="ApiOptions"/> at start-up, so a member without a usable token never serves.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>Bodies below this cannot hold a useful spec; above the upper bound the limit stops protecting memory.</summary>
    private const long MinBodyBytes = 1024;
    private const long MaxBodyBytes = 64L << 20;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Urls))
        {
            failures.Add("Api:Urls is empty; give at least one URL such as http://0.0.0.0:5080");
        }
        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            failures.Add($"Api:MaxBodyBytes is {options.MaxBodyBytes}; allowed {MinBodyBytes}..{MaxBodyBytes} bytes");
        }
        if (!string.IsNullOrEmpty(options.Token) && !string.IsNullOrEmpty(options.TokenFile))
        {
            failures.Add("give either Api:Token or Api:TokenFile, not both");
        }
        else if (!string.IsNullOrEmpty(options.TokenFile))
        {
            try
            {
                if (string.IsNullOrWhiteSpace(ApiToken.ReadFile(options.TokenFile)))
                {
                    failures.Add($"Api:TokenFile {options.TokenFile} is empty");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"Api:TokenFile {options.TokenFile} cannot be read: {e.Message}");
            }
        }
        else if (options.RequireToken && string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("the API needs a bearer token: set Api:Token (env SWEEPGRID_API__TOKEN) or Api:TokenFile, "
                + "or set Api:RequireToken=false to serve without authentication");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
