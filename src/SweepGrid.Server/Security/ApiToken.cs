using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SweepGrid.Server.Security;

/// <summary>
/// The configured bearer token, read once (from <see cref="ApiOptions.Token"/> or <see cref="ApiOptions.TokenFile"/>),
/// and the constant-time check of a presented one.
/// </summary>
internal sealed class ApiToken
{
    /// <summary>A token file larger than this is not a token (a mistaken path).</summary>
    private const int MaxTokenFileBytes = 4096;

    private readonly byte[]? _expectedHash;

    public ApiToken(IOptions<ApiOptions> options)
    {
        var value = options.Value;
        var token = !string.IsNullOrEmpty(value.TokenFile) ? ReadFile(value.TokenFile) : value.Token?.Trim();
        _expectedHash = string.IsNullOrEmpty(token) ? null : Hash(token);
        Required = value.RequireToken || _expectedHash is not null;
    }

    /// <summary>False only when no token is configured and <see cref="ApiOptions.RequireToken"/> is false.</summary>
    public bool Required { get; }

    /// <summary>
    /// True when <paramref name="presented"/> is the token. Both sides are hashed first so that the comparison
    /// takes the same time whatever the presented length, then compared with <see cref="CryptographicOperations.FixedTimeEquals"/>.
    /// </summary>
    public bool Matches(string? presented) =>
        _expectedHash is not null && presented is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), _expectedHash);

    public static string ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxTokenFileBytes + 1];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length > MaxTokenFileBytes)
        {
            throw new IOException($"the token file has more than {MaxTokenFileBytes} bytes");
        }
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
