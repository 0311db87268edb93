// MSBuild inline task (RoslynCodeTaskFactory): copies an ELF64 shared library and marks chosen
// symbol-version requirements (.gnu.version_r) weak, so that glibc's loader accepts a libstdc++
// that lacks them. Refuses when a symbol outside AllowedSymbols or any relocation is bound to a
// weakened version, because then the library would really need the missing code.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionNeeds : Task
{
    const uint ShtRela = 4, ShtRel = 9, ShtDynsym = 11, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    const ushort VerFlagWeak = 0x2;

    [Required] public string Source { get; set; } = "";
    [Required] public string Destination { get; set; } = "";
    [Required] public string Versions { get; set; } = "";
    [Required] public string AllowedSymbols { get; set; } = "";

    public override bool Execute()
    {
        try
        {
            if (File.Exists(Destination) && File.GetLastWriteTimeUtc(Destination) >= File.GetLastWriteTimeUtc(Source))
                return true;
            var bytes = File.ReadAllBytes(Source);
            var weakened = Weaken(bytes);
            Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
            var temporary = Destination + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            if (File.Exists(Destination)) File.Replace(temporary, Destination, null);
            else File.Move(temporary, Destination);
            Log.LogMessage(MessageImportance.Normal, "{0}: version requirement(s) {1} marked weak in {2}", Source, weakened.Count == 0 ? "(none present)" : string.Join(", ", weakened), Destination);
            return true;
        }
        catch (InvalidDataException e)
        {
            Log.LogError("Cannot make '{0}' load on this system's libstdc++: {1} See docs/adr/0004-torchsharp-on-debian-12.md.", Source, e.Message);
            return false;
        }
    }

    List<string> Weaken(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported.");
        var sectionOffset = (long)U64(elf, 0x28);
        int sectionSize = U16(elf, 0x3A), sectionCount = U16(elf, 0x3C);
        var sections = Enumerable.Range(0, sectionCount).Select(i => new Section(elf, sectionOffset + (long)i * sectionSize, (uint)i)).ToList();
        var wanted = new HashSet<string>(Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()));
        var allowed = new HashSet<string>(AllowedSymbols.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()));

        var verneed = sections.SingleOrDefault(s => s.Type == ShtVerneed) ?? throw new InvalidDataException("no .gnu.version_r section.");
        var verneedStrings = sections[(int)verneed.Link];
        var weakIndexes = new Dictionary<int, string>();
        long need = verneed.Offset;
        for (var n = 0; n < verneed.Info; n++)
        {
            int auxCount = U16(elf, need + 2);
            long aux = need + U32(elf, need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                var name = Text(elf, verneedStrings.Offset + U32(elf, aux + 8));
                if (wanted.Contains(name))
                {
                    var flags = (ushort)(U16(elf, aux + 4) | VerFlagWeak);
                    elf[aux + 4] = (byte)flags;
                    elf[aux + 5] = (byte)(flags >> 8);
                    weakIndexes[U16(elf, aux + 6)] = name;
                }
                aux += U32(elf, aux + 12);
            }
            need += U32(elf, need + 12);
        }
        if (weakIndexes.Count == 0)
            return new List<string>();

        var dynsym = sections.Single(s => s.Type == ShtDynsym);
        var versym = sections.Single(s => s.Type == ShtVersym);
        var dynstr = sections[(int)dynsym.Link];
        var symbolCount = (int)(dynsym.Size / 24);
        var boundToWeak = new HashSet<int>();
        for (var i = 0; i < symbolCount; i++)
        {
            var version = U16(elf, versym.Offset + 2L * i) & 0x7fff;
            if (!weakIndexes.ContainsKey(version)) continue;
            var name = Text(elf, dynstr.Offset + U32(elf, dynsym.Offset + 24L * i));
            if (!allowed.Contains(name))
                throw new InvalidDataException($"symbol '{name}' needs {weakIndexes[version]}, so the library really depends on the newer libstdc++.");
            boundToWeak.Add(i);
        }
        foreach (var relocations in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsym.Index))
        {
            var entry = relocations.Type == ShtRela ? 24 : 16;
            for (long r = relocations.Offset; r < relocations.Offset + (long)relocations.Size; r += entry)
            {
                var symbol = (int)(U64(elf, r + 8) >> 32);
                if (boundToWeak.Contains(symbol))
                    throw new InvalidDataException($"a relocation uses a symbol versioned {weakIndexes[U16(elf, versym.Offset + 2L * symbol) & 0x7fff]}, so the library really depends on the newer libstdc++.");
            }
        }
        return weakIndexes.Values.ToList();
    }

    sealed class Section
    {
        public Section(byte[] elf, long header, uint index)
        {
            Type = U32(elf, header + 4);
            Offset = (long)U64(elf, header + 24);
            Size = U64(elf, header + 32);
            Link = U32(elf, header + 40);
            Info = U32(elf, header + 44);
            Index = index;
        }
        public uint Type, Link, Info, Index;
        public long Offset;
        public ulong Size;
    }

    static ushort U16(byte[] b, long o) => CheckedRead(b, o, 2) ? BitConverter.ToUInt16(b, (int)o) : (ushort)0;
    static uint U32(byte[] b, long o) => CheckedRead(b, o, 4) ? BitConverter.ToUInt32(b, (int)o) : 0;
    static ulong U64(byte[] b, long o) => CheckedRead(b, o, 8) ? BitConverter.ToUInt64(b, (int)o) : 0;
    static bool CheckedRead(byte[] b, long o, int n) =>
        o >= 0 && o + n <= b.Length ? true : throw new InvalidDataException($"truncated ELF file (offset {o}).");
    static string Text(byte[] b, long o)
    {
        var end = o;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
    }
}
