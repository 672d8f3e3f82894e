#include "reviewdisk.h"

ReviewDisk::~ReviewDisk() = default;

bool ReviewDisk::mayWriteIn(const QString &) const
{
    return true;
}

bool ReviewDisk::mayCommit(const QString &) const
{
    return true;
}

void ReviewDisk::beforeJournalWrite() const
{
}

std::shared_ptr<const ReviewDisk> ReviewDisk::local()
{
    static const auto disk = std::make_shared<const ReviewDisk>();
    return disk;
}
