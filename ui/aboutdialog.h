#pragma once

#include <QtWidgets/QDialog>

// Help ▸ About Filing Lens: version, licence, and Qt's own notice.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    static QString text(); // the body, for tests
};
