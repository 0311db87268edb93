using System.Text.RegularExpressions;

namespace SweepGrid.Store;

/// <summary>Helpers that word a malformed PostgreSQL URL's problem without echoing its password.</summary>
internal static partial class PostgresUrl
{
    public static string WithoutPassword(string url) => Password().Replace(url, "$1:***@");

    public static string WhyInvalid(string url)
    {
        try
        {
            _ = new Uri(url);
            return "not an absolute URL";
        }
        catch (UriFormatException e)
        {
            // Uri's messages read "Invalid URI: Invalid port specified."; keep the reason.
            return e.Message.Replace("Invalid URI: ", "", StringComparison.Ordinal).TrimEnd('.').ToLowerInvariant();
        }
    }

    [GeneratedRegex("^([a-z]+://[^:@/]*):[^@/]*@", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
