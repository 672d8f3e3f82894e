// ReviewBinding keeps any review on disk, not only the review store's entities: here a
// review of one table cell, as tables and XBRL facts will bring. Its changes reach the
// journal, a save writes its snapshot, and the next window gets its decision back.
#include "reviewfixture.h"
#include "review/reviewbinding.h"
#include "review/reviewjournal.h"
#include "review/sidecarfile.h"

#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using ReviewFixture::Filing;

namespace {

// A review of a single decision, kept as the review file writes it.
class CellReview final : public BoundReview
{
public:
    explicit CellReview(const DocumentContent &content)
        : m_content(content)
    {
    }

    void decide(const QString &status)
    {
        SidecarDecision d;
        d.id = u"cell@1:0-4"_s;
        d.status = status;
        d.type = u"table_cell"_s;
        d.value = u"1,234"_s;
        d.anchor = {1, 0, 4, u"1,23"_s, {}, {}};
        d.by = u"analyst-one"_s;
        d.at = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        decision = SidecarFile::serializeDecision(d);
        m_changed = true;
    }

    QByteArray decision;
    bool clean = false;

    SidecarData snapshot() const override
    {
        SidecarData data;
        data.file = m_content.fileName;
        data.sha256 = m_content.sha256;
        data.pages = m_content.pageCount();
        data.format = formatKey(m_content.format);
        data.savedAt = QDateTime::fromSecsSinceEpoch(1700000100, Qt::UTC);
        if (!decision.isEmpty())
            data.decisionsJson.append(decision);
        return data;
    }
    bool takeChange(quint64, Change *change) override
    {
        if (!m_changed)
            return false;
        m_changed = false;
        change->ids = {u"cell@1:0-4"_s};
        change->set = {decision};
        return true;
    }
    void dropChanges() override { m_changed = false; }
    void settle(quint64) override {}
    bool takeBack(quint64) override { return false; }
    void beginReset() override { decision.clear(); }
    QStringList applyDecisions(const SidecarData &data) override
    {
        for (const SidecarDecision &d : data.decisions)
            decision = SidecarFile::serializeDecision(d);
        return {};
    }
    void endReset() override {}
    void markClean() override { clean = true; }

private:
    DocumentContent m_content;
    bool m_changed = false;
};

} // namespace

class TestReviewBinding final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anyReviewIsJournaledSavedAndReadBack()
    {
        Filing f;
        CellReview review(f.content);
        {
            ReviewBinding binding(&review, {});
            QVERIFY(binding.open(f.content, ReviewBinding::Mode::Interactive));
            QVERIFY(!binding.isReadOnly());
            QCOMPARE(binding.path(), f.sidecar());
            binding.setAutosaveDelay(60000);

            review.decide(u"confirmed"_s);
            binding.changed();
            binding.commit();
            binding.waitForJournal();
            QVERIFY(binding.hasUnsavedChanges());
            QVERIFY(binding.isDurable());
            const ReviewJournal::Contents journal = ReviewJournal::read(binding.journalPath());
            QCOMPARE(journal.changes.size(), 1);
            QCOMPARE(journal.changes.constFirst().set.size(), 1);
            QCOMPARE(journal.changes.constFirst().set.constFirst().status, u"confirmed"_s);

            QVERIFY(binding.save());
            QVERIFY(review.clean);
            QVERIFY(!binding.hasUnsavedChanges());
            const SidecarFile::LoadResult saved = SidecarFile::load(f.sidecar());
            QCOMPARE(saved.status, SidecarFile::LoadStatus::Loaded);
            QCOMPARE(saved.bytes, SidecarFile::serialize(review.snapshot()));

            // A second window on the filing reads the decision and may not write.
            CellReview other(f.content);
            ReviewBinding second(&other, {});
            QVERIFY(second.open(f.content, ReviewBinding::Mode::Interactive));
            QVERIFY(second.isReadOnly());
            QCOMPARE(other.decision, review.decision);
            binding.reset();
        }
        QVERIFY(!QFileInfo::exists(f.sidecar() + u".lock"_s));
        QVERIFY(!QFileInfo::exists(f.sidecar() + u".journal"_s));
    }
};

QTEST_GUILESS_MAIN(TestReviewBinding)
#include "tst_reviewbinding.moc"
