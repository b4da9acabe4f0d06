import Foundation
import ZIPFoundation

/// The reading side of a ZIP file (PKWARE APPNOTE 6.3), as small as a workbook needs: the
/// central directory, and each entry's data inflated through a source that can never run
/// past the entry's own compressed bytes. ZIPFoundation's own reader feeds its inflater
/// from the file with no end but the file's, and on Linux asks again after the end for as long
/// as the deflate stream has not ended: a 2 KB workbook whose stream never ends kept a core
/// busy for good (found by the `workbook` fuzz target). Here the data's end is an error.
/// Only ZIPFoundation's inflater (`Data.decompress`) is used, with a source bounded here.
struct ZIPReader {
    /// One file of the archive, as its central directory entry describes it.
    struct Entry {
        var path: String
        var method: UInt16
        var checksum: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        var encrypted: Bool
    }

    /// Why the archive or one of its entries cannot be read, in words.
    struct Damage: Error {
        var message: String
    }

    /// Entries beyond this many are refused: a workbook has a few dozen parts.
    static let maxEntries = 10_000
    static let chunk = 64 << 10

    let handle: FileHandle
    let fileSize: UInt64
    let entries: [Entry]
    private let byPath: [String: Int]

    /// Reads the central directory of the file `handle` reads (kept open while this lives).
    init(handle: FileHandle) throws(Damage) {
        self.handle = handle
        guard let end = try? handle.seekToEnd() else { throw Damage(message: "it cannot be read") }
        fileSize = end
        // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535.
        let tailLength = min(end, 22 + 65_535)
        let tail = try Self.read(handle, at: end - tailLength, count: Int(tailLength))
        // The record's 22 bytes must fit: its signature ends at least 18 bytes before the tail does.
        guard let record = XLSXWorkbook.lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: tail, before: tail.count - 18) else {
            throw Damage(message: "it has no central directory")
        }
        let count = Int(Self.u16(tail, record + 10))
        let size = UInt64(Self.u32(tail, record + 12)), offset = UInt64(Self.u32(tail, record + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw Damage(message: "it is a ZIP64 archive, which no workbook of a report's size needs")
        }
        guard count <= Self.maxEntries else { throw Damage(message: "it holds more than \(Self.maxEntries) files") }
        guard offset + size <= end - tailLength + UInt64(record) else { throw Damage(message: "its central directory lies outside the file") }
        let directory = try Self.read(handle, at: offset, count: Int(size))
        var entries: [Entry] = [], byPath: [String: Int] = [:]
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, Self.u32(directory, at) == 0x0201_4B50 else {
                throw Damage(message: "its central directory is damaged")
            }
            let nameLength = Int(Self.u16(directory, at + 28)), extraLength = Int(Self.u16(directory, at + 30))
            let commentLength = Int(Self.u16(directory, at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw Damage(message: "its central directory is damaged") }
            let entry = Entry(path: String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                              method: Self.u16(directory, at + 10), checksum: Self.u32(directory, at + 16),
                              compressedSize: UInt64(Self.u32(directory, at + 20)), uncompressedSize: UInt64(Self.u32(directory, at + 24)),
                              localHeaderOffset: UInt64(Self.u32(directory, at + 42)), encrypted: Self.u16(directory, at + 8) & 1 != 0)
            if byPath[entry.path] == nil { byPath[entry.path] = entries.count }
            entries.append(entry)
            at = next
        }
        self.entries = entries
        self.byPath = byPath
    }

    /// The first entry with this path, as Excel and LibreOffice take it.
    subscript(path: String) -> Entry? { byPath[path].map { entries[$0] } }

    /// Inflates `entry`, handing its bytes to `consume` as they come, and checks its CRC-32.
    /// Every read stays inside the entry's compressed bytes; what `consume` throws stops it.
    /// A `Damage` here says what is wrong with the entry, not which it is: the caller names it.
    func extract(_ entry: Entry, _ consume: (Data) throws -> Void) throws {
        guard !entry.encrypted else { throw Damage(message: "it is encrypted") }
        let header = try Self.read(handle, at: entry.localHeaderOffset, count: 30)
        guard Self.u32(header, 0) == 0x0403_4B50 else { throw Damage(message: "it has no local header where the directory says") }
        let start = entry.localHeaderOffset + 30 + UInt64(Self.u16(header, 26)) + UInt64(Self.u16(header, 28))
        guard start + entry.compressedSize <= fileSize else { throw Damage(message: "it runs past the end of the file") }
        var position: UInt64 = 0
        let handle = handle
        // The source: the entry's compressed bytes, then an error, never an empty answer. The
        // inflater is told a whole buffer is there whatever the source gives, so a short last
        // piece is padded with zeros to the size asked for: nothing is read past the bytes given.
        func source(_ wanted: Int, padded: Bool) throws -> Data {
            let left = entry.compressedSize - position
            guard left > 0 else { throw Damage(message: "its compressed data ends before the data does") }
            var data = try Self.read(handle, at: start + position, count: Int(min(UInt64(wanted), left)))
            position += UInt64(data.count)
            if padded, data.count < wanted { data += [UInt8](repeating: 0, count: wanted - data.count) }
            return Data(data)
        }
        let crc: UInt32
        switch entry.method {
        case 0:
            var sum: UInt32 = 0
            while position < entry.compressedSize {
                let data = try source(Self.chunk, padded: false)
                sum = data.crc32(checksum: sum)
                try consume(data)
            }
            crc = sum
        case 8:
            crc = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: Self.chunk, skipCRC32: false,
                                      provider: { _, wanted in try source(wanted, padded: true) }, consumer: consume)
        default:
            throw Damage(message: "it is compressed by method \(entry.method), which Excel does not use")
        }
        guard crc == entry.checksum else { throw Damage(message: "its checksum does not match: the file is damaged") }
    }

    /// `count` bytes at `offset`, or the reason they cannot be read.
    static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws(Damage) -> [UInt8] {
        guard count > 0 else { return [] }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count), data.count == count else {
            throw Damage(message: "it ends before its headers say")
        }
        return [UInt8](data)
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
}
