import { describe, expect, it } from 'vitest';
import { createMainText } from './i18n';

describe("main's words", () => {
  it('follow the system language, Chinese by script, English otherwise', () => {
    expect(createMainText(['zh-CN']).locale).toBe('zh-CN');
    expect(createMainText(['zh-Hant-TW']).locale).toBe('zh-TW');
    expect(createMainText(['de-DE']).locale).toBe('en');
    expect(createMainText(['zh-CN'])('main.openLogFolder')).toBe('打开日志文件夹');
    expect(createMainText(['en-US'])('main.openLogFolder')).toBe('Open the Log Folder');
  });
});
