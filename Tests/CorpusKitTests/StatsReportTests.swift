import CorpusKit
import CorpusTestSupport
import Foundation
import Testing

/// `stats` on texts written for these tests: one with planted defects, the
/// same text clean, and the seed samples against their gold counts.
@Suite struct StatsReportTests {
    /// UTF-8 bytes of `text` as a program that assumed Windows-1251 (or -1252) shows them.
    static func misdecoded(_ text: String, as encoding: String.Encoding) -> String {
        String(data: Data(text.utf8), encoding: encoding) ?? ""
    }

    /// Clean Kazakh prose (written for this test), with Latin words that are not defects.
    static let clean = """
        Қазақстан Республикасы Орталық Азиядағы ең ірі мемлекет. Оның астанасы Астана қаласы.

        Экономист Ричард Купер (Richard N. Cooper) интеграция туралы жазды. Сіздер iPhone-ның жаңа нұсқасын көрдіңіз бе?

        Елде ауыл шаруашылығы мен өнеркәсіп қатар дамып келеді. Өңірлердің әрқайсысының өз ерекшелігі бар.

        Білім беру жүйесі реформаланып жатыр. Жастар шет тілдерін үйреніп, әлемге ашық болуға ұмтылады.

        """

    /// The clean text with defects planted: 3 look-alike words, 5 mis-decoded
    /// sentences (cp1251, Latin-1, cp1252 as in the issue's `Ð‘Ò±Ð»`, U+FFFD,
    /// a C1 control), one paragraph three times.
    static var planted: String {
        let cp1251 = misdecoded("Бұл сөйлем қате оқылды.", as: .windowsCP1251)
        let latin1 = misdecoded("Бұл сөйлем де қате оқылды.", as: .isoLatin1)
        let repeated = "Бұл абзац үш рет қайталанады. Оны тек бір рет қалдыру керек."
        return clean + """
            Қaзақстан экономикасы соңғы жылдары өсті. Бұл мәселе бойынша мeмлекеттік бағдарлама қабылданды.

            Aлматы елдің ең ірі қаласы.

            \(cp1251) Одан кейін \(latin1)

            Ð‘Ò±Ð» сөйлемнің басы ғана бұзылған.

            Мәтінде \u{FFFD} белгісі бар. Мұнда \u{96}басқару таңбасы бар.

            \(repeated)

            \(repeated)

            \(repeated)

            """
    }

    @Test func plantedDefectsAreAllFound() throws {
        let json = try Corpus.stats(Self.planted).json
        let mixed = try #require(json["mixed_script_tokens"])
        #expect(mixed["count"]?.int == 3)
        #expect(Set(mixed["examples"]?.items.compactMap { $0["token"]?.string } ?? []) == ["Қaзақстан", "мeмлекеттік", "Aлматы"])
        #expect(mixed["fixable"]?.int == 3)
        let encoding = try #require(json["suspicious_encoding"])
        #expect(encoding["sentences"]?.int == 5)
        for (kind, n) in [("cp1251", 1), ("cp1252", 2), ("replacement", 1), ("c1_control", 1)] {
            #expect(encoding["by_kind"]?[kind]?.int == n, "\(kind)")
        }
        let paragraphs = try #require(json["duplicates"]?["paragraphs"])
        #expect(paragraphs["repeated"]?.int == 1)
        #expect(paragraphs["extra_copies"]?.int == 2)
        let group = try #require(paragraphs["groups"]?.items.first)
        #expect(group["count"]?.int == 3)
        #expect(group["ids"]?.items.count == 3)
        #expect(group["text"]?.string?.hasPrefix("Бұл абзац үш рет") == true)
        #expect(json["duplicates"]?["sentences"]?["repeated"]?.int == 2)
        #expect(json["suggestions"]?.items.first?["fix"]?.string == "latin-lookalikes")
    }

    @Test func cleanTextGivesZero() throws {
        let report = try Corpus.stats(Self.clean)
        #expect(report.mixedScriptTokens == 0)
        #expect(report.foreignLetters == 0)
        #expect(report.suspiciousEncoding == 0)
        #expect(report.json["duplicates"]?["paragraphs"]?["repeated"]?.int == 0)
        #expect(report.json["duplicates"]?["sentences"]?["repeated"]?.int == 0)
        #expect(report.json["suggestions"]?.items.isEmpty == true)
        #expect(report.sentenceCount == 8)
        #expect(report.blockCount == 4)
    }

    @Test func lettersOutsideTheKazakhAlphabet() throws {
        let json = try Corpus.stats("Бұл сөзде Ukrainian їжак әрпі бар. Мына сөзде ў бар.").json
        #expect(json["mixed_script_tokens"]?["outside_alphabet"]?["count"]?.int == 2)
        #expect(json["mixed_script_tokens"]?["outside_alphabet"]?["letters"]?["ї"]?.int == 1)
    }

    @Test func declaredAndGuessedLanguage() throws {
        let ru = try Corpus.stats("Это русский текст без казахских букв. Он написан для проверки.", options: ["lang": "kk"])
        let doc = try #require(ru.json["documents"]?["items"]?.items.first)
        #expect(doc["language"]?["declared"]?.string == "kk")
        #expect(doc["language"]?["guessed"]?.string == "ru")
        #expect(doc["language"]?["agrees"] == .bool(false))
    }

    /// The samples' counts equal their gold files' (paragraphs = blank-line groups, sentences = lines).
    @Test(.enabled(if: ToolGate.shared, "needs ../shared/samples/gold"))
    func samplesCountLikeTheGold() throws {
        var paragraphs = 0, sentences = 0
        var inputs: [InputSource] = []
        for name in ["000_41c5c0974157b10e", "004_d576930189d3d379"] {
            let gold = try String(contentsOf: SharedMaterial.file("samples/gold/\(name).gold.txt"), encoding: .utf8)
            let lines = gold.split(separator: "\n", omittingEmptySubsequences: false)
            sentences += lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            paragraphs += gold.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
            inputs.append(.file(try SharedMaterial.file("samples/\(name).txt").path))
        }
        let report = try Corpus.stats(inputs: inputs)
        #expect(paragraphs == 48 && sentences == 158, "the gold itself changed")
        #expect(report.blockCount == paragraphs)
        #expect(report.sentenceCount == sentences)
        #expect(report.documentCount == 2)
        #expect(report.mixedScriptTokens == 0 && report.suspiciousEncoding == 0)
    }
}

/// The `stats` command line: JSON keys, the table, `--jobs`, errors.
@Suite struct StatsCLITests {
    let samples = CLI.root.appendingPathComponent("samples").path

    @Test func jsonHasTheDocumentedTopLevelKeys() throws {
        let r = try CLI.run(["stats", samples, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        for key in ["documents", "blocks", "sentences", "tokens", "characters", "sentence_length",
                    "mixed_script_tokens", "suspicious_encoding", "duplicates"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect((object["sentences"] as? [String: Any])?["count"] as? Int == 158)
    }

    @Test func jobsGiveTheSameReport() throws {
        let dir = CLI.scratch()
        var args: [String] = []
        for i in 0..<6 {
            let path = dir + "/part\(i).txt"
            try (StatsReportTests.planted + "Бөлім \(i).\n").write(toFile: path, atomically: true, encoding: .utf8)
            args.append(path)
        }
        let one = try CLI.run(["stats", "--json"] + args)
        let two = try CLI.run(["stats", "--json", "--jobs", "3"] + args)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.out == two.out)
        #expect(one.out.contains("\"count\": 18"), "six copies of the three-times paragraph")
    }

    @Test func tableAndErrors() throws {
        let r = try CLI.run(["stats", samples])
        #expect(r.status == 0)
        #expect(r.out.contains("sentences") && r.out.contains("158"))
        #expect(r.out.contains("Sentence length in tokens"))
        let dir = CLI.scratch()
        let bad = dir + "/bad.json"
        try "{\"version\":1,\n\"documents\":[}".write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["stats", bad, samples + "/004_d576930189d3d379.txt"])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix(bad + ":2:"))
        #expect(failed.out.contains("80"), "the good input is still reported")
        let input = dir + "/keep.txt"
        try "Бұл мәтін.".write(toFile: input, atomically: true, encoding: .utf8)
        let clash = try CLI.run(["stats", input, "--html", input])
        #expect(clash.status == 2)
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "Бұл мәтін.", "the input was overwritten")
    }
}

/// `stats` counts what `convert` writes: sentences are CSV rows, tokens the CSV token counts.
@Suite struct StatsAgreesWithConvertTests {
    @Test func sentencesAndTokensMatchTheCSVTable() throws {
        let dir = CLI.scratch()
        let planted = dir + "/planted.txt"
        try StatsReportTests.planted.write(toFile: planted, atomically: true, encoding: .utf8)
        let inputs = ["samples/000_41c5c0974157b10e.txt", "samples/004_d576930189d3d379.txt"]
            .map { CLI.root.appendingPathComponent($0).path } + [planted]
        for input in inputs {
            let csv = try CLI.run(["convert", input, "--to", "csv", "--tokens", "--columns", "sentence_id,token_count"])
            let rows = csv.out.split(separator: "\n").dropFirst()
            let tokens = rows.compactMap { $0.split(separator: ",").last.flatMap { Int($0) } }.reduce(0, +)
            let stats = try CLI.run(["stats", input, "--json"])
            let json = try #require(try JSONSerialization.jsonObject(with: stats.stdout) as? [String: Any])
            #expect((json["sentences"] as? [String: Any])?["count"] as? Int == rows.count, "\(input)")
            #expect((json["tokens"] as? [String: Any])?["count"] as? Int == tokens, "\(input)")
        }
    }
}

/// `schema/stats.schema.json` accepts the reports `stats --json` writes and rejects a broken one.
@Suite struct StatsSchemaTests {
    @Test(.enabled(if: ToolGate.python("jsonschema"), "needs python3 with jsonschema (pip install jsonschema)"))
    func reportsMatchTheSchema() throws {
        let dir = CLI.scratch()
        let planted = dir + "/planted.txt"
        try StatsReportTests.planted.write(toFile: planted, atomically: true, encoding: .utf8)
        var files: [String] = []
        for args in [[CLI.root.appendingPathComponent("samples").path], [planted]] {
            let r = try CLI.run(["stats", "--json"] + args)
            #expect(r.status == 0)
            let path = dir + "/report\(files.count).json"
            try r.stdout.write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let script = """
            import json, sys, jsonschema
            v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
            errs = [e.message for f in sys.argv[2:] for e in v.iter_errors(json.load(open(f)))]
            bad = json.load(open(sys.argv[2])); del bad["duplicates"]
            assert list(v.iter_errors(bad)), "schema accepts a report without duplicates"
            print("\\n".join(errs[:5])); sys.exit(1 if errs else 0)
            """
        let schema = CLI.root.appendingPathComponent("schema/stats.schema.json").path
        let (status, out) = try ExternalTool.run(["python3", "-c", script, schema] + files)
        #expect(status == 0, "\(out)")
    }
}

/// The same corpus as text, TEI (with and without tokens) and JSON Lines gives the same counts.
@Suite struct StatsAcrossFormatsTests {
    @Test func everyFormatCountsTheSame() throws {
        let dir = CLI.scratch()
        let samples = ["000_41c5c0974157b10e", "004_d576930189d3d379"].map { CLI.root.appendingPathComponent("samples/\($0).txt").path }
        var reports: [String] = []
        for (name, extra) in [("a.xml", ["--to", "tei"]), ("b.xml", ["--to", "tei", "--tokens"]), ("c.jsonl", ["--to", "jsonl"])] {
            #expect(try CLI.run(["convert"] + samples + extra + ["-o", dir + "/" + name]).status == 0)
            reports.append(dir + "/" + name)
        }
        func counts(_ args: [String]) throws -> [Int] {
            let r = try CLI.run(["stats", "--json"] + args)
            let json = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
            return ["documents", "blocks", "sentences", "tokens", "characters"].map { (json[$0] as? [String: Any])?["count"] as? Int ?? -1 }
                + [((json["tokens"] as? [String: Any])?["word_types"] as? Int) ?? -1]
        }
        let text = try counts(samples)
        #expect(text == [2, 48, 158, 3504, 25812, 1608])
        for file in reports { #expect(try counts([file]) == text, "\(file)") }
    }
}

