"""What the text module costs per 1,000 sentences in each script: splitting sentences, finding
words, counting words, transliterating for ids, and cutting Chinese words for search (rjieba, its
dictionary loaded before timing: a build with Chinese text loads it once, in about 0.1 s).

    uv run python benchmarks/text.py

The sentences are made up (test data in each script, repeated), so the figures compare scripts
and steps, not real articles. Each figure is the best of five runs.
"""

from __future__ import annotations

import timeit

from timeline_core.model.text import count_words, latin_words, search_segments, split_text, words

SENTENCES = {
    "English": "The council voted 5-2 on Wednesday, Nov. 18 to close the Elm Street branch, officials said.",
    "German": "Der Rat stimmte am 5. März mit großer Mehrheit zu, z. B. für die neue Brücke über den Fluss.",
    "Chinese": "阿里巴巴表示，该视频生成模型由其团队开发，并在盲测排名中位列第一。",
    "Japanese": "新しい動画生成モデルが発表され、ブラインドテストの順位で首位となった。",
    "Arabic": "أعلنت الشركة يوم الخميس عن نموذج جديد لتوليد الفيديو تصدر ترتيب الاختبارات العمياء.",
    "Korean": "알리바바는 새로운 동영상 생성 모델이 블라인드 테스트 순위에서 1위를 차지했다고 밝혔다.",
    "Russian": "Компания объявила в четверг о новой модели, которая заняла первое место в слепом тесте.",
}
STEPS = {
    "sentences": split_text,
    "words": lambda text: [words(line) for line in text.splitlines()],
    "count": lambda text: [count_words(line) for line in text.splitlines()],
    "ids": lambda text: [latin_words(line) for line in text.splitlines()[:100]],  # ids are made one at a time
    "search": search_segments,
}


def main() -> None:
    search_segments("阿里巴巴")  # the dictionary's load is a build's, once: not a sentence's
    print(f"{'script':<10}" + "".join(f"{step:>12}" for step in STEPS) + "   (ms per 1,000 sentences; ids per 100)")
    for script, sentence in SENTENCES.items():
        text = "\n".join([sentence] * 1000)
        figures = [
            min(timeit.repeat(lambda step=step, text=text: step(text), number=1, repeat=5)) * 1000
            for step in STEPS.values()
        ]
        print(f"{script:<10}" + "".join(f"{figure:>12.1f}" for figure in figures))


if __name__ == "__main__":
    main()
